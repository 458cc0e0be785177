//! The bounded CPU pool: checks run on blocking threads, never on the async threads that
//! serve connections, so a costly post slows only its own request.
//!
//! Two semaphores bound it. `slots` counts the jobs admitted (running or queued): when all are
//! taken a request is refused at once (503 with `Retry-After`) instead of waiting in an
//! unbounded queue. `cpu` counts the jobs running: at most one per worker. A job that has
//! started holds both until it ends, even if its client has gone, so the bound stays true.

use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The pool of check workers.
#[derive(Debug)]
pub struct Pool {
    slots: Arc<Semaphore>,
    cpu: Arc<Semaphore>,
    capacity: usize,
}

/// A place in the pool: a job may run while it is held (dropping it frees the place).
#[derive(Debug)]
pub struct Slot {
    _permit: OwnedSemaphorePermit,
}

/// Every slot is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// A job panicked (the library promises it never does; the service answers 500 if it did).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panicked;

impl Pool {
    /// `workers` jobs at once, `queue` more waiting.
    pub fn new(workers: usize, queue: usize) -> Pool {
        let workers = workers.max(1);
        let capacity = workers + queue;
        Pool {
            slots: Arc::new(Semaphore::new(capacity)),
            cpu: Arc::new(Semaphore::new(workers)),
            capacity,
        }
    }

    /// A slot now, or [`Busy`].
    pub fn try_slot(&self) -> Result<Slot, Busy> {
        Arc::clone(&self.slots)
            .try_acquire_owned()
            .map(|p| Slot { _permit: p })
            .map_err(|_| Busy)
    }

    /// A slot, waiting for one (the later parts of a batch already admitted).
    pub async fn slot(&self) -> Slot {
        Slot {
            _permit: Arc::clone(&self.slots)
                .acquire_owned()
                .await
                .expect("the pool's semaphore is never closed"),
        }
    }

    /// Runs `job` on a worker once one is free, holding `slot` until it ends.
    pub async fn run<T: Send + 'static>(
        &self,
        slot: Slot,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Panicked> {
        let cpu = Arc::clone(&self.cpu)
            .acquire_owned()
            .await
            .expect("the pool's semaphore is never closed");
        tokio::task::spawn_blocking(move || {
            let _held = (slot, cpu);
            job()
        })
        .await
        .map_err(|_| Panicked)
    }

    /// Jobs admitted and not yet done (running and queued): the queue depth of `/metrics`.
    pub fn depth(&self) -> usize {
        self.capacity - self.slots.available_permits()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_full_pool_refuses_at_once_and_frees_its_slots() {
        let pool = Arc::new(Pool::new(1, 1));
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let first = pool.try_slot().unwrap();
        let p = Arc::clone(&pool);
        let running = tokio::spawn(async move {
            p.run(first, move || {
                let _ = wait.recv();
                1
            })
            .await
        });
        let second = pool.try_slot().unwrap();
        assert_eq!(pool.depth(), 2);
        assert_eq!(pool.try_slot().unwrap_err(), Busy);
        let _ = release.send(());
        assert_eq!(running.await.unwrap(), Ok(1));
        drop(second);
        assert_eq!(pool.depth(), 0);
        assert!(pool.try_slot().is_ok());
    }
}
