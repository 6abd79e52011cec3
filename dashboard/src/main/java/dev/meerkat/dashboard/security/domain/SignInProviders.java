package dev.meerkat.dashboard.security.domain;

import java.util.List;

/** The OpenID Connect providers of the sign-in page; empty when none is configured. */
public record SignInProviders(List<SignInProvider> list) {

  public SignInProviders {
    list = List.copyOf(list);
  }
}
