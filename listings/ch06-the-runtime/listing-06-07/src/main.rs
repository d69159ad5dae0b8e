use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::{Arc, Condvar, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;

// ANCHOR: signal
/// What the waker does: raise a flag, wake the executor's thread if asleep.
#[derive(Default)]
struct Signal {
    woken: Mutex<bool>,
    wakeup: Condvar,
}

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        *self.woken.lock().unwrap() = true;
        self.wakeup.notify_one();
    }
}
// ANCHOR_END: signal

// ANCHOR: block_on
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let signal = Arc::new(Signal::default());
    let waker = Waker::from(signal.clone());
    let mut context = Context::from_waker(&waker);

    let mut polls = 0;
    loop {
        polls += 1;
        println!("executor: poll {polls}");
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            println!("executor: ready after {polls} polls");
            return output;
        }
        println!("executor: pending, waiting to be woken");
        let mut woken = signal.woken.lock().unwrap();
        while !*woken {
            // Sleeps; uses no CPU.
            woken = signal.wakeup.wait(woken).unwrap();
        }
        *woken = false;
    }
}
// ANCHOR_END: block_on

// ANCHOR: reply
/// What the future and its helper thread share.
#[derive(Default)]
struct Slot {
    delivered: bool,
    // The waker of the most recent poll that returned `Pending`.
    waker: Option<Waker>,
}

/// A value that another thread delivers: pending when first polled,
/// ready once woken.
struct Reply {
    value: u32,
    asked: bool,
    slot: Arc<Mutex<Slot>>,
}

impl Reply {
    fn new(value: u32) -> Self {
        let slot = Arc::new(Mutex::new(Slot::default()));
        Reply {
            value,
            asked: false,
            slot,
        }
    }
}

impl Future for Reply {
    type Output = u32;

    fn poll(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<u32> {
        let mut slot = self.slot.lock().unwrap();
        if slot.delivered {
            println!("  reply {}: ready", self.value);
            return Poll::Ready(self.value);
        }
        // Keep the waker of *this* poll: only that one must be woken. Clone
        // it only if it wakes a different task than the one already kept.
        match &slot.waker {
            Some(kept) if kept.will_wake(context.waker()) => {}
            _ => slot.waker = Some(context.waker().clone()),
        }
        drop(slot);

        if !self.asked {
            self.asked = true;
            let slot = self.slot.clone();
            thread::spawn(move || {
                let waker = {
                    let mut slot = slot.lock().unwrap();
                    slot.delivered = true;
                    slot.waker.take()
                };
                if let Some(waker) = waker {
                    // The only way this future gets polled again.
                    waker.wake();
                }
            });
        }
        println!("  reply {}: not yet", self.value);
        Poll::Pending
    }
}
// ANCHOR_END: reply

// ANCHOR: main
fn main() {
    let sum = block_on(async {
        let a = Reply::new(20).await;
        let b = Reply::new(22).await;
        a + b
    });
    println!("main: {sum}");
}
// ANCHOR_END: main
