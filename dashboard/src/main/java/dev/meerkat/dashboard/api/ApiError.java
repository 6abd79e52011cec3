package dev.meerkat.dashboard.api;

/** The body of every error answer of the API. */
record ApiError(String message) {}
