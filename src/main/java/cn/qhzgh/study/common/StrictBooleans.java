package cn.qhzgh.study.common;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Path and query booleans are {@code true}, {@code false}, {@code 1} or {@code 0}. Jakarta REST's default reads
 * anything else as false, so {@code ?dryRun=yes} would import for real; refused instead, the parameter is named in a
 * 400. Quarkus REST hands an absent or empty primitive to the converter as {@code "0"}.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    private static final ParamConverter<Boolean> STRICT = new ParamConverter<>() {
        @Override
        public Boolean fromString(String value) {
            Boolean parsed = parse(value);
            if (parsed == null) {
                throw new IllegalArgumentException("not a boolean: " + value);
            }
            return parsed;
        }

        @Override
        public String toString(Boolean value) {
            return value.toString();
        }
    };

    /** {@code true} or {@code 1}, {@code false} or {@code 0}, in any case; {@code null} for anything else. */
    public static Boolean parse(String value) {
        if ("true".equalsIgnoreCase(value) || "1".equals(value)) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(value) || "0".equals(value) ? Boolean.FALSE : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == boolean.class || rawType == Boolean.class ? (ParamConverter<T>) STRICT : null;
    }
}
