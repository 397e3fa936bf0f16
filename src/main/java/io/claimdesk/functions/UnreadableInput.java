package io.claimdesk.functions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * An event that is not JSON is answered with Funqy's own words, {@value #MESSAGE}, quoting nothing of it. With its
 * advanced event handling off (application.properties) Funqy reads each event with a plain Jackson reader, whose parse
 * error quotes the token it stopped at ("Unrecognized token 'Jeanne'"), and the Lambda runtime would answer and log that.
 * So the events Funqy reads, streams, are checked by a plain parser first, before the function's reader reads them.
 * On AWS Lambda's Invoke API itself refuses a payload that is not JSON; this is for every other way an event arrives.
 */
@Singleton
public class UnreadableInput implements ObjectMapperCustomizer {

    /** What Funqy answered before its advanced event handling was turned off, and what callers and tests know. */
    static final String MESSAGE = "Could not deserialize the provided message.";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setInputDecorator(new Checked());
    }

    static final class Checked extends InputDecorator {

        private final JsonFactory plain = JsonFactory.builder().build();

        @Override
        public InputStream decorate(IOContext context, InputStream in) throws IOException {
            byte[] event = in.readAllBytes();
            check(event, 0, event.length);
            return new ByteArrayInputStream(event);
        }

        @Override
        public InputStream decorate(IOContext context, byte[] source, int offset, int length) throws IOException {
            check(source, offset, length);
            return null;
        }

        @Override
        public Reader decorate(IOContext context, Reader reader) {
            return reader;
        }

        private void check(byte[] source, int offset, int length) throws IOException {
            try (JsonParser parser = plain.createParser(source, offset, length)) {
                while (parser.nextToken() != null) {
                    parser.skipChildren();
                }
            } catch (JsonProcessingException e) {
                // No cause: Jackson's message quotes the body.
                throw new IllegalArgumentException(MESSAGE);
            }
        }
    }
}
