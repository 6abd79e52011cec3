package dev.meerkat.dashboard.alerting.domain;

/** What an evaluation decides for one SLO alert. */
public enum AlertTransition {
  NONE,
  FIRE,
  RESOLVE
}
