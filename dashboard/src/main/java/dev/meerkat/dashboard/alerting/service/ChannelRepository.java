package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored notification channels, secrets included (callers must not show them). */
public interface ChannelRepository {

  List<Channel> list();

  Optional<Channel> find(String id);

  /** Inserts or replaces the channel with this id. */
  void save(Channel channel, Instant now);

  boolean delete(String id);
}
