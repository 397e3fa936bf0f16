package io.claimdesk.policy;

/**
 * Every sentence the desk can say, in French and English, written from the seed's meaning in our
 * own words. {@code %s} placeholders take the statement's arguments in order.
 */
public enum Message {
    OWN_POLICY_DECIDES(
            "C'est votre politique de service client qui décide de la suite ; commencez par écrire à l'acheteur pour trouver ensemble une solution qui convienne aux deux parties.",
            "Your own customer-service policy decides what happens next; start by writing to the buyer to agree on a solution that suits both of you."),
    CLAIM_STILL_POSSIBLE(
            "Même si vous contactez l'acheteur, il peut déposer une réclamation au titre de la Garantie A à Z, du %s au %s inclus.",
            "Even if you contact the buyer, they can file an A-to-z Guarantee claim, from %s through %s."),
    FEEDBACK_STAYS_POSSIBLE(
            "Quelle que soit l'option choisie, l'acheteur peut toujours laisser une évaluation négative.",
            "Whatever you choose, the buyer can still leave negative feedback."),
    WINDOW_NOT_YET_OPEN(
            "Le %s, l'acheteur ne peut pas encore déposer de réclamation : la période s'ouvre le %s (dans %s jour(s)).",
            "On %s the buyer cannot file a claim yet: the window opens on %s (in %s day(s))."),
    WINDOW_OPEN(
            "Le %s, l'acheteur peut déposer une réclamation, jusqu'au %s inclus (encore %s jour(s)).",
            "On %s the buyer can file a claim, until %s inclusive (%s day(s) left)."),
    WINDOW_LATE(
            "Le %s, la date limite du %s est dépassée de %s jour(s) ; le marketplace peut néanmoins accepter une réclamation tardive.",
            "On %s the deadline of %s passed %s day(s) ago; the marketplace may still accept a late claim."),
    OPENS_BY_DELIVERY(
            "La période s'ouvre 3 jours calendaires après la date de livraison maximale estimée (%s), plus tôt que 30 jours après la commande.",
            "The window opens 3 calendar days after the maximum estimated delivery date (%s), earlier than 30 days after the order."),
    OPENS_BY_ORDER(
            "La période s'ouvre 30 jours après la commande (%s), plus tôt que 3 jours après la date de livraison maximale estimée.",
            "The window opens 30 days after the order (%s), earlier than 3 days after the maximum estimated delivery date."),
    OPENS_ON_BOTH_BOUNDS(
            "La période s'ouvre le %s : 3 jours calendaires après la date de livraison maximale estimée et 30 jours après la commande tombent le même jour.",
            "The window opens on %s: 3 calendar days after the maximum estimated delivery date and 30 days after the order fall on the same day."),
    DEADLINE_FROM_DELIVERY(
            "L'acheteur a jusqu'à 90 jours après la date de livraison maximale estimée (%s) pour déposer sa réclamation.",
            "The buyer has until 90 days after the maximum estimated delivery date (%s) to file."),
    DEADLINE_FROM_SERVICE(
            "L'acheteur a jusqu'à 90 jours après la date de prestation du service (%s) pour déposer sa réclamation.",
            "The buyer has until 90 days after the date of service (%s) to file."),
    REFUND_FRIENDLIEST(
            "Rembourser est la solution la plus favorable à l'acheteur ; remboursement intégral ou partiel, %s restent remboursables.",
            "A refund is the most buyer-friendly choice; full or partial, %s can still be refunded."),
    REFUND_THEN_ARRIVAL(
            "Si le colis arrive après le remboursement, l'acheteur peut être refacturé, avec son accord.",
            "If the parcel arrives after the refund, the buyer can be charged again, with their consent."),
    REORDER_GOOD_SERVICE(
            "Rembourser puis demander à l'acheteur de commander à nouveau peut vous coûter de l'argent, mais c'est un service de qualité.",
            "Refunding and asking the buyer to order again may cost you money, but it is good service."),
    REORDER_THEN_ARRIVAL(
            "Si le colis d'origine arrive ensuite, organisez son retour avec l'acheteur.",
            "If the original parcel arrives afterwards, arrange its return with the buyer."),
    CARRIER_STATUS_LOST(
            "Le transporteur %s signale le colis comme perdu en transit : il peut parfois aider.",
            "Carrier %s reports the parcel lost in transit: the carrier can sometimes help."),
    CARRIER_STATUS_WRONG_ADDRESS(
            "Le transporteur %s signale un envoi à une mauvaise adresse : il peut parfois aider.",
            "Carrier %s reports the parcel shipped to a wrong address: the carrier can sometimes help."),
    CARRIER_TRACKED(
            "Vous avez acheté le suivi : demandez au transporteur de localiser le colis.",
            "You bought tracking: ask the carrier to locate the parcel."),
    CARRIER_INSURED(
            "Le colis est assuré : ouvrez une réclamation auprès de l'assurance du transporteur.",
            "The parcel is insured: open an insurance claim with the carrier."),
    CARRIER_OTHER_OPTIONS(
            "Sans informations de suivi, le transporteur a peut-être d'autres moyens de retrouver le colis.",
            "Without tracking information, the carrier may still have other ways to find the parcel."),
    MARKETPLACE_RETURNS(
            "Commande expédiée par le marketplace (FBA) : retours et remboursements passent par son processus de retours client, pas par un remboursement vendeur.",
            "Fulfilled by the marketplace (FBA): returns and refunds go through its customer-returns process, not a seller refund."),
    FULLY_REFUNDED(
            "La commande est intégralement remboursée (%s) : aucun autre remboursement n'est possible.",
            "The order is fully refunded (%s): no further refund is possible."),
    CASE_CLOSED(
            "Le dossier est clos (%s).",
            "The case is closed (%s)."),
    ARRIVAL_ASK_CONSENT(
            "Le colis est arrivé le %s après un remboursement : demandez l'accord de l'acheteur avant de le refacturer.",
            "The parcel arrived on %s after a refund: ask the buyer's consent before charging again."),
    ARRIVAL_ARRANGE_RETURN(
            "Le colis d'origine est arrivé le %s après un remboursement avec nouvelle commande : organisez son retour avec l'acheteur.",
            "The original parcel arrived on %s after a refund and reorder: arrange its return with the buyer."),
    ARRIVAL_BEFORE_REFUND(
            "Attention : le colis était déjà arrivé le %s, avant le remboursement du %s ; ce remboursement a été fait pour un colis déjà livré.",
            "Note: the parcel had already arrived on %s, before the refund of %s; that refund went out for a parcel that had arrived."),
    ARRIVAL_CLOSES_CASE(
            "Le colis est arrivé le %s avant tout remboursement : le dossier est clos comme livré.",
            "The parcel arrived on %s before any refund: the case closes as delivered."),
    WINDOW_OPENED(
            "La période de réclamation s'est ouverte le %s : l'acheteur peut désormais déposer une réclamation A à Z.",
            "The claim window opened on %s: the buyer can now file an A-to-z claim."),
    DEADLINE_PASSED_CLOSED(
            "La date limite de réclamation (%s) est passée sans remboursement : le dossier est clos ; le marketplace peut néanmoins accepter une réclamation tardive.",
            "The claim deadline (%s) passed without a refund: the case is closed; the marketplace may still accept a late claim."),
    DEADLINE_PASSED(
            "La date limite de réclamation (%s) est passée ; le marketplace peut néanmoins accepter une réclamation tardive.",
            "The claim deadline (%s) passed; the marketplace may still accept a late claim."),
    FOLLOW_UP_CONSENT(
            "Relance : le colis arrivé le %s après remboursement attend toujours l'accord de l'acheteur pour être refacturé.",
            "Follow-up: the parcel that arrived on %s after a refund still needs the buyer's consent before charging again."),
    FOLLOW_UP_RETURN(
            "Relance : le retour du colis d'origine arrivé le %s reste à organiser avec l'acheteur.",
            "Follow-up: the return of the original parcel that arrived on %s still has to be arranged with the buyer."),
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
            "Remboursement %s enregistré : %s ; l'acheteur est invité à commander à nouveau.",
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
