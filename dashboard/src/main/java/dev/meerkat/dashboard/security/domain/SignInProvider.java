package dev.meerkat.dashboard.security.domain;

/**
 * An OpenID Connect provider offered on the sign-in page.
 *
 * @param registrationId Spring's client registration id ({@code /oauth2/authorization/<id>})
 * @param displayName the provider's name on the button
 */
public record SignInProvider(String registrationId, String displayName) {}
