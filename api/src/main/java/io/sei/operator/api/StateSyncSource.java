package io.sei.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** State sync from peers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StateSyncSource {}
