package dev.meerkat.dashboard.jvm;

/** A JVM that does nothing but run (with the agent attached) until it is stopped. */
public final class IdleApp {

  private IdleApp() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join();
  }
}
