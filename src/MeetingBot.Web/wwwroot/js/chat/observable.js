// The few observables Web Chat needs from a Direct Line object. Web Chat subscribes with an observer
// ({ next, error, complete }) and keeps what subscribe returns to call unsubscribe(); nothing else is used.

/**
 * A hot source that several subscribers share. New subscribers first get the last `replay` values, because Web Chat
 * subscribes to activity$ twice (once while connecting, once for good) and must not miss what came in between.
 */
export class Subject {
  #observers = new Set();
  #past = [];
  #replay;
  #done = null;

  constructor({ replay = 0 } = {}) {
    this.#replay = replay;
  }

  next(value) {
    if (this.#done) return;
    if (this.#replay > 0) {
      this.#past.push(value);
      if (this.#past.length > this.#replay) this.#past.shift();
    }
    for (const observer of [...this.#observers]) observer.next?.(value);
  }

  error(reason) {
    this.#finish({ error: reason });
  }

  complete() {
    this.#finish({});
  }

  subscribe(observerOrNext, onError, onComplete) {
    const observer = typeof observerOrNext === 'function'
      ? { next: observerOrNext, error: onError, complete: onComplete }
      : (observerOrNext ?? {});
    for (const value of this.#past) observer.next?.(value);
    if (this.#done) {
      if ('error' in this.#done) observer.error?.(this.#done.error); else observer.complete?.();
      return { closed: true, unsubscribe() {} };
    }
    this.#observers.add(observer);
    const observers = this.#observers;
    return {
      get closed() { return !observers.has(observer); },
      unsubscribe() { observers.delete(observer); },
    };
  }

  #finish(how) {
    if (this.#done) return;
    this.#done = how;
    for (const observer of [...this.#observers]) {
      if ('error' in how) observer.error?.(how.error); else observer.complete?.();
    }
    this.#observers.clear();
  }
}

/** One value from a promise, then complete (or its error): what postActivity answers. */
export function fromPromise(promise) {
  const subject = new Subject({ replay: 1 });
  promise.then(value => { subject.next(value); subject.complete(); }, reason => subject.error(reason));
  return subject;
}
