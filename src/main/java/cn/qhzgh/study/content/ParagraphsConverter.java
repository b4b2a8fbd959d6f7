package cn.qhzgh.study.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/** Paragraphs are stored as a JSON array in a text column: portable, and read back whole. */
@Converter
public class ParagraphsConverter implements AttributeConverter<List<String>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> paragraphs) {
        try {
            return JSON.writeValueAsString(paragraphs);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("paragraphs cannot be written as JSON", e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        try {
            return List.copyOf(JSON.readValue(column, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("module_version.paragraphs holds invalid JSON", e);
        }
    }
}
