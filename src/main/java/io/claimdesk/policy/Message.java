package io.claimdesk.policy;

/**
 * Every sentence the desk can say, in French and English, following the seed's own words where it has them
 * (who acts, its hedges). {@code %s} placeholders take the statement's arguments in order.
 */
public enum Message {
    OWN_POLICY_DECIDES(
            "C'est à votre politique de service client et à vous-même de déterminer la suite ; commencez par écrire à l'acheteur pour trouver une solution satisfaisante pour les deux parties.",
            "Your own customer-service policy decides what happens next; start by writing to the buyer to agree on a solution that suits both of you."),
    CLAIM_STILL_POSSIBLE(
            "Même si vous contactez l'acheteur, il peut déposer une réclamation au titre de la Garantie A à Z, du %s au %s inclus.",
            "Even if you contact the buyer, they can file an A-to-z Guarantee claim, from %s through %s."),
    CONTACT_WITH_PROOF(
            "Montrez à l'acheteur la preuve de livraison du %s et demandez-lui de vérifier autour de lui (voisins, point relais, boîte aux lettres).",
            "Show the buyer the proof of delivery of %s and ask them to check around (neighbours, pick-up point, mailbox)."),
    FEEDBACK_STAYS_POSSIBLE(
            "Quelle que soit l'option choisie, l'acheteur peut toujours publier un commentaire négatif sur la transaction.",
            "Whatever you choose, the buyer can still leave negative feedback on the transaction."),
    WINDOW_NOT_YET_OPEN(
            "Le %s, l'acheteur ne peut pas encore déposer de réclamation : la période s'ouvre le %s (dans %s jour(s)).",
            "On %s the buyer cannot file a claim yet: the window opens on %s (in %s day(s))."),
    WINDOW_OPEN(
            "Le %s, l'acheteur peut déposer une réclamation, jusqu'au %s inclus (encore %s jour(s)).",
            "On %s the buyer can file a claim, until %s inclusive (%s day(s) left)."),
    WINDOW_LATE(
            "Le %s, le délai de réclamation, échu le %s, est dépassé de %s jour(s) ; Amazon se réserve toutefois le droit d'accepter une réclamation déposée après ce délai.",
            "On %s the claim deadline of %s passed %s day(s) ago; Amazon may still accept a claim filed after it."),
    OPENS_BY_DELIVERY(
            "La période s'ouvre 3 jours calendaires après la date de livraison maximale estimée (%s), avant les 30 jours suivant la commande.",
            "The window opens 3 calendar days after the maximum estimated delivery date (%s), earlier than 30 days after the order."),
    OPENS_BY_ORDER(
            "La période s'ouvre 30 jours après la commande (%s), avant les 3 jours suivant la date de livraison maximale estimée.",
            "The window opens 30 days after the order (%s), earlier than 3 days after the maximum estimated delivery date."),
    OPENS_ON_BOTH_BOUNDS(
            "La période s'ouvre le %s : 3 jours calendaires après la date de livraison maximale estimée et 30 jours après la commande tombent le même jour.",
            "The window opens on %s: 3 calendar days after the maximum estimated delivery date and 30 days after the order fall on the same day."),
    DEADLINE_FROM_DELIVERY(
            "L'acheteur dispose de 90 jours après la date de livraison maximale estimée (%s) pour déposer une réclamation.",
            "The buyer has until 90 days after the maximum estimated delivery date (%s) to file."),
    DEADLINE_FROM_SERVICE(
            "L'acheteur dispose de 90 jours après la date de prestation du service (%s) pour déposer une réclamation.",
            "The buyer has until 90 days after the date of service (%s) to file."),
    REFUND_FRIENDLIEST(
            "Rembourser est la solution la plus conviviale ; remboursement intégral ou partiel, %s restent remboursables.",
            "A refund is the most buyer-friendly choice; full or partial, %s can still be refunded."),
    REFUND_THEN_ARRIVAL(
            "Si la commande d'origine arrive après son remboursement, Amazon peut refacturer l'acheteur, avec le consentement de ce dernier.",
            "If the original order arrives after its refund, Amazon can charge the buyer again, with the buyer's consent."),
    REORDER_GOOD_SERVICE(
            "Rembourser puis demander à l'acheteur de recommander le produit peut entraîner une perte financière, mais c'est un service client de bonne qualité.",
            "Refunding and asking the buyer to order again may cost you money, but it is good customer service."),
    REORDER_THEN_ARRIVAL(
            "Si la commande d'origine arrive ensuite, vous pouvez organiser le retour avec l'acheteur.",
            "If the original order arrives afterwards, you can arrange its return with the buyer."),
    CARRIER_STATUS_LOST(
            "Le transporteur %s signale le colis comme perdu en transit : vous pouvez parfois obtenir de l'aide auprès de lui.",
            "Carrier %s reports the parcel lost in transit: the carrier can sometimes help."),
    CARRIER_STATUS_WRONG_ADDRESS(
            "Le transporteur %s signale un envoi à la mauvaise adresse : vous pouvez parfois obtenir de l'aide auprès de lui.",
            "Carrier %s reports the parcel shipped to a wrong address: the carrier can sometimes help."),
    CARRIER_TRACKED(
            "Vous avez acheté le suivi : le transporteur pourra peut-être vous aider à localiser le colis.",
            "You bought tracking: the carrier may be able to help you locate the parcel."),
    CARRIER_INSURED(
            "Le colis est assuré : le transporteur pourra peut-être vous aider à remplir une réclamation auprès de l'assurance.",
            "The parcel is insured: the carrier may be able to help you file an insurance claim."),
    CARRIER_OTHER_OPTIONS(
            "Sans informations de suivi, votre transporteur dispose peut-être d'autres options pour vous aider à trouver le colis.",
            "Without tracking information, your carrier may still have other ways to help you find the parcel."),
    CARRIER_PROOF_OF_DELIVERY(
            "Le transporteur %s a enregistré une livraison le %s : vous pouvez parfois obtenir de lui une preuve de livraison (lieu, signature, photo).",
            "Carrier %s recorded a delivery on %s: the carrier can sometimes give you a proof of delivery (place, signature, photo)."),
    MARKETPLACE_RETURNS(
            "Commande Expédié par Amazon : retours et remboursements suivent le processus Retours client des commandes Expédié par Amazon, pas un remboursement vendeur.",
            "Fulfilled by Amazon: returns and refunds follow Amazon's customer-returns process for Fulfilled by Amazon orders, not a seller refund."),
    FULLY_REFUNDED(
            "La commande est intégralement remboursée (%s) : aucun autre remboursement n'est possible.",
            "The order is fully refunded (%s): no further refund is possible."),
    CLOSED_DELIVERED(
            "Le dossier est clos : la réception de la commande est confirmée.",
            "The case is closed: receipt of the order is confirmed."),
    CLOSED_DEADLINE_PASSED(
            "Le dossier est clos : le délai de réclamation est passé sans remboursement ni réclamation ; une réclamation tardive, si Amazon l'accepte, le rouvrira.",
            "The case is closed: the claim deadline passed with no refund and no claim; a late claim, if Amazon accepts it, reopens it."),
    CLOSED_REFUNDED(
            "Le dossier est clos : le délai de réclamation est passé après un remboursement.",
            "The case is closed: the claim deadline passed after a refund."),
    CLOSED_CLAIM_GRANTED(
            "Le dossier est clos : Amazon a accordé la réclamation au titre de la Garantie A à Z.",
            "The case is closed: Amazon granted the A-to-z Guarantee claim."),
    CLOSED_CLAIM_DENIED(
            "Le dossier est clos : Amazon a refusé la réclamation au titre de la Garantie A à Z.",
            "The case is closed: Amazon denied the A-to-z Guarantee claim."),
    CLOSED_LATE_ARRIVAL_SETTLED(
            "Le dossier est clos : tout ce qui suivait l'arrivée tardive du colis est enregistré.",
            "The case is closed: everything that followed the parcel's late arrival is recorded."),
    CLOSED_LATE_ARRIVAL_UNSETTLED(
            "Le dossier est clos sans réponse après l'arrivée tardive du colis ; vous pouvez encore enregistrer le consentement de l'acheteur ou le retour.",
            "The case is closed with no answer after the parcel's late arrival; you can still record the buyer's consent or the return."),
    ARRIVAL_ASK_CONSENT(
            "La commande d'origine est arrivée le %s, après son remboursement : Amazon peut refacturer l'acheteur, avec le consentement de ce dernier.",
            "The original order arrived on %s, after its refund: Amazon can charge the buyer again, with the buyer's consent."),
    ARRIVAL_ARRANGE_RETURN(
            "La commande d'origine est arrivée le %s, après un remboursement avec nouvelle commande : vous pouvez organiser son retour avec l'acheteur.",
            "The original order arrived on %s, after a refund with a reorder: you can arrange its return with the buyer."),
    ARRIVAL_BEFORE_REFUND(
            "Le colis était arrivé le %s, avant le remboursement du %s : ce remboursement a été fait pour une commande déjà livrée.",
            "The parcel had arrived on %s, before the refund of %s: that refund went out for an order already delivered."),
    RECEIPT_CONFIRMED_BY_BUYER(
            "L'acheteur confirme avoir reçu la commande le %s : le dossier est clos.",
            "The buyer confirms receiving the order on %s: the case is closed."),
    RECEIPT_RECORDED_AFTER_WINDOW(
            "Vous indiquez une livraison le %s et le délai de réclamation est passé : le dossier est clos.",
            "You report delivery on %s and the claim deadline has passed: the case is closed."),
    EVIDENCE_CARRIER_SCAN(
            "Le transporteur a enregistré une livraison le %s, mais l'acheteur dit ne pas l'avoir reçue : ce scan est votre preuve, le dossier reste ouvert et l'acheteur peut toujours déposer une réclamation au titre de la Garantie A à Z.",
            "The carrier recorded a delivery on %s, but the buyer says it never arrived: the scan is your evidence, the case stays open and the buyer can still file an A-to-z Guarantee claim."),
    EVIDENCE_SELLER_REPORT(
            "Vous indiquez une livraison le %s : le dossier reste ouvert jusqu'à ce que l'acheteur confirme la réception ou que le délai de réclamation soit passé ; l'acheteur peut toujours déposer une réclamation au titre de la Garantie A à Z.",
            "You report delivery on %s: the case stays open until the buyer confirms receipt or the claim deadline has passed; the buyer can still file an A-to-z Guarantee claim."),
    CONSENT_GIVEN(
            "L'acheteur a donné son consentement : Amazon peut le refacturer pour la commande arrivée après son remboursement.",
            "The buyer consented: Amazon can charge them again for the order that arrived after its refund."),
    CONSENT_REFUSED(
            "L'acheteur n'a pas donné son consentement : Amazon ne le refacture pas.",
            "The buyer did not consent: Amazon does not charge them again."),
    RETURN_RECEIVED(
            "Le retour de la commande d'origine est reçu.",
            "The original order has been returned to you."),
    REPLACEMENT_ORDERED(
            "L'acheteur a recommandé le produit : commande %s.",
            "The buyer ordered the product again: order %s."),
    LATE_ARRIVAL_SETTLED(
            "Plus rien n'est en attente après l'arrivée tardive : le dossier est clos.",
            "Nothing is pending after the late arrival any more: the case is closed."),
    CLAIM_FILED(
            "L'acheteur a déposé une réclamation au titre de la Garantie A à Z le %s, dans le délai.",
            "The buyer filed an A-to-z Guarantee claim on %s, within the claim window."),
    CLAIM_FILED_LATE(
            "L'acheteur a déposé une réclamation au titre de la Garantie A à Z le %s, après le délai ; Amazon se réserve le droit de l'accepter.",
            "The buyer filed an A-to-z Guarantee claim on %s, after the deadline; Amazon may still accept it."),
    CLAIM_FILED_EARLY(
            "L'acheteur a déposé une réclamation au titre de la Garantie A à Z le %s, avant l'ouverture de la période de réclamation.",
            "The buyer filed an A-to-z Guarantee claim on %s, before the claim window opened."),
    CLAIM_ANSWER_WITH_EVIDENCE(
            "Répondez à la réclamation aujourd'hui, avec les éléments que le dossier contient (transporteur, suivi, livraison, remboursements).",
            "Answer the claim today, with the evidence the case holds (carrier, tracking, delivery, refunds)."),
    CLAIM_PENDING(
            "Une réclamation au titre de la Garantie A à Z déposée le %s attend la décision d'Amazon.",
            "An A-to-z Guarantee claim filed on %s is awaiting Amazon's decision."),
    CLAIM_GRANTED(
            "Amazon a accordé la réclamation le %s.",
            "Amazon granted the claim on %s."),
    CLAIM_DENIED(
            "Amazon a refusé la réclamation le %s.",
            "Amazon denied the claim on %s."),
    CLAIM_WITHDRAWN(
            "L'acheteur a retiré sa réclamation le %s.",
            "The buyer withdrew the claim on %s."),
    WINDOW_OPENED(
            "La période de réclamation s'est ouverte le %s : l'acheteur peut désormais déposer une réclamation au titre de la Garantie A à Z.",
            "The claim window opened on %s: the buyer can now file an A-to-z Guarantee claim."),
    CLAIM_RESPONSE_DUE(
            "Une réclamation au titre de la Garantie A à Z a été déposée le %s : répondez-y avec les éléments du dossier.",
            "An A-to-z Guarantee claim was filed on %s: answer it with the evidence the case holds."),
    DEADLINE_PASSED_CLOSED(
            "Le délai de réclamation (%s) est passé sans remboursement ni réclamation : le dossier est clos ; Amazon se réserve toutefois le droit d'accepter une réclamation déposée après ce délai.",
            "The claim deadline (%s) passed with no refund and no claim: the case is closed; Amazon may still accept a claim filed after it."),
    DEADLINE_PASSED_REFUNDED(
            "Le délai de réclamation (%s) est passé après un remboursement : le dossier est clos.",
            "The claim deadline (%s) passed after a refund: the case is closed."),
    FOLLOW_UP_CONSENT(
            "Relance : la commande arrivée le %s après son remboursement attend toujours le consentement de l'acheteur pour qu'Amazon puisse le refacturer.",
            "Follow-up: the order that arrived on %s after its refund still awaits the buyer's consent before Amazon can charge them again."),
    FOLLOW_UP_RETURN(
            "Relance : le retour de la commande d'origine arrivée le %s reste à organiser avec l'acheteur.",
            "Follow-up: the return of the original order that arrived on %s is still to be arranged with the buyer."),
    EXPIRED_CONSENT(
            "Aucun consentement de l'acheteur n'est enregistré pour la commande arrivée le %s ; le dossier est clos, vous pouvez encore l'enregistrer.",
            "No consent from the buyer is recorded for the order that arrived on %s; the case is closed, and you can still record it."),
    EXPIRED_RETURN(
            "Aucun retour n'est enregistré pour la commande d'origine arrivée le %s ; le dossier est clos, vous pouvez encore l'enregistrer.",
            "No return is recorded for the original order that arrived on %s; the case is closed, and you can still record it."),
    CASE_OPENED(
            "Dossier ouvert : l'acheteur signale la commande comme non reçue.",
            "Case opened: the buyer reports the order as not received."),
    FACTS_UPDATED(
            "Informations de commande mises à jour.",
            "Order facts updated."),
    REFUND_RECORDED(
            "Remboursement %s enregistré : %s.",
            "Refund %s recorded: %s."),
    REFUND_AND_REORDER_RECORDED(
            "Remboursement %s enregistré : %s ; l'acheteur est invité à recommander le produit.",
            "Refund %s recorded: %s; the buyer is asked to order again.");

    private final String french;
    private final String english;

    Message(String french, String english) {
        this.french = french;
        this.english = english;
    }

    public String pattern(Language language) {
        return language == Language.FR ? french : english;
    }
}
