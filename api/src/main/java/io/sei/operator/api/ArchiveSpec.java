package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Archive node mode: keeps all history, syncs from genesis. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ArchiveSpec {}
