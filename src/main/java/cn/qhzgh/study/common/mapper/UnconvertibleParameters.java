package cn.qhzgh.study.common.mapper;

import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.common.StrictBooleans;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the path and query parameters whose text does not convert to the resource method's Java type. Jakarta REST
 * answers such a request with a bare 404 (the spec's rule for path and query parameters); naming the field lets
 * the service answer 400 instead, like every other invalid field.
 */
final class UnconvertibleParameters {

    private UnconvertibleParameters() {
    }

    static List<ProblemError> of(Method method, UriInfo uri) {
        List<ProblemError> errors = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            String query = queryName(parameter);
            String path = pathName(parameter);
            MultivaluedMap<String, String> values = query != null ? uri.getQueryParameters() : uri.getPathParameters();
            String name = query != null ? query : path;
            if (name == null || values.get(name) == null) {
                continue;
            }
            String rule = rule(parameter.getType());
            if (rule != null && values.get(name).stream().anyMatch(value -> !converts(value, parameter.getType()))) {
                errors.add(ProblemError.field(name, rule));
            }
        }
        return errors;
    }

    private static String queryName(Parameter parameter) {
        RestQuery rest = parameter.getAnnotation(RestQuery.class);
        if (rest != null) {
            return rest.value().isEmpty() ? parameter.getName() : rest.value();
        }
        QueryParam jakarta = parameter.getAnnotation(QueryParam.class);
        return jakarta == null ? null : jakarta.value();
    }

    private static String pathName(Parameter parameter) {
        RestPath rest = parameter.getAnnotation(RestPath.class);
        if (rest != null) {
            return rest.value().isEmpty() ? parameter.getName() : rest.value();
        }
        PathParam jakarta = parameter.getAnnotation(PathParam.class);
        return jakarta == null ? null : jakarta.value();
    }

    /** What the client must send for a type that can fail to convert; {@code null} for types that always convert. */
    private static String rule(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false (or 1 or 0)";
        }
        if (type.isEnum()) {
            return "must be one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).toList());
        }
        return null;
    }

    private static boolean converts(String value, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value.strip());
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value.strip());
            } else if (type == boolean.class || type == Boolean.class) {
                return StrictBooleans.parse(value) != null;
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).anyMatch(constant -> ((Enum<?>) constant).name().equals(value));
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
