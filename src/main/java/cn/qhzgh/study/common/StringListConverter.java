package cn.qhzgh.study.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/** Lists of strings (paragraphs, answers, tags) are stored as JSON text: portable, and read back whole. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> paragraphs) {
        try {
            return JSON.writeValueAsString(paragraphs);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a string list cannot be written as JSON", e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        if (column == null) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(column, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string-list column holds invalid JSON", e);
        }
    }
}
