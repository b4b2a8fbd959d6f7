package cn.qhzgh.study.quiz.attempt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

@Converter
public class DrawConverter implements AttributeConverter<List<DrawnQuestion>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<DrawnQuestion>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<DrawnQuestion> draw) {
        try {
            return JSON.writeValueAsString(draw);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a draw cannot be written as JSON", e);
        }
    }

    @Override
    public List<DrawnQuestion> convertToEntityAttribute(String column) {
        try {
            return List.copyOf(JSON.readValue(column, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("quiz_attempt.draw holds invalid JSON", e);
        }
    }
}
