package dev.meerkat.store.query;

import java.time.Instant;

/**
 * The requests of one service in one step of a series.
 *
 * @param service service name
 * @param start start of the step (a multiple of the step since the epoch, or the window start)
 * @param requests sample-weighted requests that started in the step
 * @param errors of those, the ones with status ERROR
 */
public record ServiceTrafficPoint(String service, Instant start, double requests, double errors) {}
