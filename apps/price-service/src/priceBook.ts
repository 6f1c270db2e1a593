import type { Hex } from "viem";
import type { FeedPublisher, PublishedPrice } from "./feedPublisher.js";

/** Called after every published second with that second's updates, in feed order. */
export type PublishListener = (second: number, updates: readonly PublishedPrice[]) => void;

/**
 * All the feeds of the service, published together: one update per feed for every wall-clock
 * second, with no gaps (a second that was missed, because the process was busy or a manual clock
 * jumped, is published on catch-up, in order).
 */
export class PriceBook {
  private readonly byId = new Map<Hex, FeedPublisher>();
  private readonly listeners = new Set<PublishListener>();
  private lastSecond: number | undefined;

  constructor(readonly publishers: readonly FeedPublisher[]) {
    for (const publisher of publishers) this.byId.set(publisher.feed.id, publisher);
  }

  /** The publisher of a feed id (canonical form), if served. */
  get(id: Hex): FeedPublisher | undefined {
    return this.byId.get(id);
  }

  /** The newest published second, if any. */
  get latestSecond(): number | undefined {
    return this.lastSecond;
  }

  /** Publishes every second after the latest one up to `second` (the first call publishes `second` only). */
  publishUpTo(second: number): void {
    let next = this.lastSecond === undefined ? second : this.lastSecond + 1;
    for (; next <= second; next++) {
      const updates = this.publishers.map((publisher) => publisher.publish(next));
      this.lastSecond = next;
      for (const listener of this.listeners) listener(next, updates);
    }
  }

  /** Subscribes to published seconds; returns the unsubscribe function. */
  onPublish(listener: PublishListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first second published after `second` (immediately if already published). */
  nextSecondAfter(second: number): Promise<number> {
    if (this.lastSecond !== undefined && this.lastSecond > second) return Promise.resolve(second + 1);
    return new Promise((resolve) => {
      const unsubscribe = this.onPublish((published) => {
        if (published > second) {
          unsubscribe();
          resolve(published);
        }
      });
    });
  }
}
