package cn.qhzgh.study.quiz.question;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

@Converter
public class OptionsConverter implements AttributeConverter<List<QuestionOption>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<QuestionOption>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<QuestionOption> options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("options cannot be written as JSON", e);
        }
    }

    @Override
    public List<QuestionOption> convertToEntityAttribute(String column) {
        try {
            return List.copyOf(JSON.readValue(column, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("question_version.options holds invalid JSON", e);
        }
    }
}
