import { useQueryClient } from '@tanstack/react-query';
import type { Channel, Contact } from '@voordeur/shared';
import { useEffect, useRef, useState } from 'react';
import { callbacksKey, customersKey, findOpenContact, startContact } from './api.ts';

/**
 * The contact the agent is handling now. Every change sends the version it read (optimistic locking), so
 * changes go one after the other: each waits for the answer of the one before and sends its version.
 * Opening an article and pressing Alt+B right after it therefore record both, in order.
 *
 * The contact lives on the server, not in this page: when the workspace opens (after going to another page,
 * or a reload) it asks for the agent's open contact and goes on with it; `onResume` hears about it.
 */
export function useContactSession(onResume?: (contact: Contact) => void) {
  const queryClient = useQueryClient();
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(0);
  const [resuming, setResuming] = useState(true);
  const chain = useRef<Promise<Contact | null>>(Promise.resolve(null));
  const latest = useRef<Contact | null>(null);
  const resumed = useRef(onResume);
  resumed.current = onResume;

  useEffect(() => {
    let live = true;
    // A start or change asked for meanwhile waits for this (it queues on the chain).
    const found = findOpenContact().catch(() => null);
    chain.current = found;
    void found.then((open) => {
      if (!live) return;
      if (open && !latest.current) {
        latest.current = open;
        setContact(open);
        resumed.current?.(open);
      }
      setResuming(false);
    });
    return () => {
      live = false;
    };
  }, []);

  /** Queue a change of the current contact; resolves with `step`'s result, or rejects with its error. */
  const run = <T>(step: (current: Contact) => Promise<{ contact: Contact; result: T }>): Promise<T> => {
    setBusy((n) => n + 1);
    const next = chain.current.then(async (current) => {
      if (!current) throw new Error('No contact');
      const { contact: updated, result } = await step(current);
      latest.current = updated;
      setContact(updated);
      // A hand-over shows at once in the customer's 360° view.
      if (
        updated.cases.length !== current.cases.length ||
        updated.callbacks.length !== current.callbacks.length
      ) {
        void queryClient.invalidateQueries({ queryKey: customersKey });
        void queryClient.invalidateQueries({ queryKey: callbacksKey });
      }
      return { updated, result };
    });
    // A failed change leaves the contact as it was; the next one starts from there.
    chain.current = next.then(
      ({ updated }) => updated,
      () => latest.current,
    );
    return next.then(
      ({ result }) => {
        setError(null);
        setBusy((n) => n - 1);
        return result;
      },
      (failure: unknown) => {
        setError(failure);
        setBusy((n) => n - 1);
        throw failure;
      },
    );
  };

  /** A change whose answer is the contact itself. */
  const update = (step: (current: Contact) => Promise<Contact>) =>
    run(async (current) => {
      const updated = await step(current);
      return { contact: updated, result: updated };
    });

  const start = async (channel: Channel) => {
    setError(null);
    setBusy((n) => n + 1);
    const started = chain.current.then(() => startContact({ channel, direction: 'in' }));
    chain.current = started.then(
      (c) => c,
      () => null,
    );
    try {
      const created = await started;
      latest.current = created;
      setContact(created);
      return created;
    } catch (failure) {
      setError(failure);
      throw failure;
    } finally {
      setBusy((n) => n - 1);
    }
  };

  /** Forget the contact (after it was closed); the 360° views and callback lists are refreshed. */
  const finish = () => {
    latest.current = null;
    chain.current = Promise.resolve(null);
    setContact(null);
    setError(null);
    void queryClient.invalidateQueries({ queryKey: customersKey });
    void queryClient.invalidateQueries({ queryKey: callbacksKey });
  };

  /** The contact once every queued change (and a start in progress) is done; null when there is none. */
  const settled = () => chain.current;

  return { contact, error, busy: busy > 0, resuming, run, update, start, finish, settled, setError };
}
