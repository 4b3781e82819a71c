package org.partnerplatform.token.repository;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a client's roles as one space-separated column, the format of an OAuth scope, in a fixed order. */
@Converter
public class RolesConverter implements AttributeConverter<Set<Role>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Role> roles) {
        return roles == null ? null : roles.stream().sorted().map(Role::name).collect(Collectors.joining(" "));
    }

    @Override
    public Set<Role> convertToEntityAttribute(String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.trim().split(" +")).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }
}
