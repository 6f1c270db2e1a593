/** Something started that must be stopped, with a name for messages. */
export interface StoppableService {
  name: string;
  stop(): Promise<void>;
}

/**
 * What was started so far, stopped in reverse order: the last service started is the first one
 * stopped. Stopping goes on past a failure and reports every failure at the end.
 */
export class StopStack {
  private readonly services: StoppableService[] = [];
  private stopping: Promise<void> | undefined;

  /** Records a started service; returns it. */
  push<T extends StoppableService>(service: T): T {
    this.services.push(service);
    return service;
  }

  /** Names of the services still recorded, in start order. */
  names(): string[] {
    return this.services.map((service) => service.name);
  }

  /**
   * Stops every recorded service, last first. Idempotent: later calls return the first call's promise.
   * Rejects with an `AggregateError` naming every service that failed to stop.
   */
  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      const failures: Error[] = [];
      while (this.services.length > 0) {
        const service = this.services.pop();
        if (service === undefined) break;
        try {
          await service.stop();
        } catch (error) {
          failures.push(new Error(`${service.name}: ${(error as Error).message}`, { cause: error }));
        }
      }
      if (failures.length > 0) {
        throw new AggregateError(
          failures,
          `could not stop ${failures.map((failure) => failure.message).join("; ")}`,
        );
      }
    })();
    return this.stopping;
  }
}
