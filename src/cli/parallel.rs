//! A batch on every core, output in input order: the calling thread reads, `threads` workers
//! check, one writer puts the results out in the order they were read — each as soon as the
//! ones before it are out, so a JSON Lines batch still streams. At most `window` posts are
//! read and not yet written, which bounds memory whatever the batch's size, and a slow post
//! holds back the output, not the memory.
//!
//! Hand-written over `std::thread::scope` and channels rather than rayon: rayon's parallel
//! iterators either collect the whole batch (no streaming, no bound) or lose the order
//! (`par_bridge`); the pipeline here is the forty lines that keep both.

use std::collections::BTreeMap;
use std::sync::mpsc::{channel, sync_channel, Receiver};
use std::sync::Mutex;

/// How many chunks per worker may be in flight (read, not yet written): enough that a worker
/// never waits for the reader or the writer, few enough to stay small.
pub const WINDOW_PER_THREAD: usize = 4;

/// Posts per hand-over in a batch read from files.
pub const CHUNK: usize = 32;

/// The most workers a run starts, whatever `--threads` asks: more threads than this only
/// cost memory (and `--threads 1000000` must not try to start a million).
pub const MAX_THREADS: usize = 256;

/// The number of workers for `--threads` (0 or none: one per core), at most [`MAX_THREADS`].
pub fn threads(asked: Option<usize>) -> usize {
    match asked {
        Some(n) if n > 0 => n.min(MAX_THREADS),
        _ => std::thread::available_parallelism().map_or(1, usize::from),
    }
}

/// Calls `next` on this thread until it returns `None`, runs `work` on each item on
/// `threads` workers, and hands the outcomes to `write` in the order `next` gave the items.
/// `write` returning false (a closed pipe) stops the run: no more items are read.
///
/// Items travel in chunks of `chunk`: one hand-over per post cost a third more CPU time in
/// futex calls on a batch of short posts (2.35 s → 3.2 s of CPU for 36,592 posts). A reader
/// that must answer each line before the next one arrives (a pipe whose writer waits) asks
/// for chunks of 1.
pub fn ordered<I, O>(
    threads: usize,
    chunk: usize,
    mut next: impl FnMut() -> Option<I>,
    work: impl Fn(I) -> O + Sync,
    mut write: impl FnMut(O) -> bool + Send,
) where
    I: Send,
    O: Send,
{
    let threads = threads.max(1);
    let chunk = chunk.max(1);
    let window = threads * WINDOW_PER_THREAD;
    let (job_tx, job_rx) = sync_channel::<(usize, Vec<I>)>(window);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = channel::<(usize, Vec<O>)>();
    // A token for each post that may be in flight: the reader takes one per post, the writer
    // gives it back once the post is out.
    let (token_tx, token_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = token_tx.send(());
    }
    std::thread::scope(|s| {
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let (job_rx, work) = (&job_rx, &work);
            s.spawn(move || loop {
                let job = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((seq, items)) = job else { break };
                let outcomes = items.into_iter().map(work).collect();
                if done_tx.send((seq, outcomes)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        s.spawn(move || {
            in_order(done_rx, |outcomes| {
                outcomes.into_iter().all(&mut write) && token_tx.send(()).is_ok()
            })
        });
        let mut seq = 0;
        let mut more = true;
        while more && token_rx.recv().is_ok() {
            let mut items = Vec::with_capacity(chunk);
            while items.len() < chunk {
                match next() {
                    Some(item) => items.push(item),
                    None => {
                        more = false;
                        break;
                    }
                }
            }
            if items.is_empty() || job_tx.send((seq, items)).is_err() {
                break;
            }
            seq += 1;
        }
        // No more jobs: the workers finish theirs, then the writer the rest.
        drop(job_tx);
    });
}

/// Writes the outcomes from `done` in sequence order, holding back those that come early.
fn in_order<O>(done: Receiver<(usize, O)>, mut write: impl FnMut(O) -> bool) {
    let mut early: BTreeMap<usize, O> = BTreeMap::new();
    let mut next = 0;
    for (seq, outcome) in done {
        early.insert(seq, outcome);
        while let Some(o) = early.remove(&next) {
            if !write(o) {
                return;
            }
            next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_order_whatever_the_work_takes() {
        let mut items = 0..2000u64;
        let mut out = Vec::new();
        ordered(
            4,
            7,
            || items.next(),
            |i| {
                // Uneven work: some items take much longer than their neighbours.
                if i % 97 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i * 2
            },
            |o| {
                out.push(o);
                true
            },
        );
        assert_eq!(out, (0..2000).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_writer_that_stops_stops_the_reading() {
        let mut read = 0usize;
        let mut written = 0usize;
        ordered(
            2,
            1,
            || {
                read += 1;
                (read <= 1_000_000).then_some(read)
            },
            |i| i,
            |_| {
                written += 1;
                written < 10
            },
        );
        assert_eq!(written, 10);
        // Never more than the window beyond what was written.
        assert!(read <= 10 + 2 * WINDOW_PER_THREAD + 1, "read {read}");
    }

    #[test]
    fn one_thread_and_no_items() {
        let mut out = Vec::new();
        ordered(
            1,
            32,
            || None::<u8>,
            |i| i,
            |o| {
                out.push(o);
                true
            },
        );
        assert!(out.is_empty());
    }
}
