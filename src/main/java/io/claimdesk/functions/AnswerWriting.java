package io.claimdesk.functions;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * At start-up Funqy prepares a writer for the answer type of every {@code @Funq} method, though a deployment exports
 * one. With Jackson's eager serializer fetch each writer builds the serializers of its whole answer type then: the
 * views of all four functions, at every cold start. Without it, only the exported function's answer is introspected,
 * by its first invocation, and the other three never are.
 */
@Singleton
public class AnswerWriting implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.EAGER_SERIALIZER_FETCH);
    }
}
