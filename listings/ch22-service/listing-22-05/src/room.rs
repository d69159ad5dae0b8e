use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc::{self, error::TrySendError};

/// One line of text on its way to a client. Shared: a line said to ten
/// clients is stored once, with ten references.
pub type Line = Arc<str>;

/// Everyone connected, each with the sending end of its bounded outbox.
#[derive(Clone, Default)]
pub struct Room {
    state: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    members: BTreeMap<u32, Member>,
    dropped: u64,
}

struct Member {
    outbox: mpsc::Sender<Line>,
    dropped: u64,
}

impl Room {
    /// Lines dropped so far, for every member together.
    pub fn dropped(&self) -> u64 {
        self.state.lock().unwrap().dropped
    }

    // ANCHOR: broadcast
    pub fn join(&self, id: u32, outbox: mpsc::Sender<Line>) {
        let member = Member { outbox, dropped: 0 };
        self.state.lock().unwrap().members.insert(id, member);
    }

    /// Puts `line` in every other member's outbox without waiting. A
    /// member whose outbox is full misses the line, and it is counted.
    /// The outbox's last slot is kept for the member's own goodbye.
    pub fn broadcast(&self, from: u32, line: &str) {
        let line: Line = line.into();
        let mut state = self.state.lock().unwrap();
        let State { members, dropped } = &mut *state;
        for (id, member) in members.iter_mut() {
            if *id == from {
                continue;
            }
            let full = member.outbox.capacity() <= 1
                || matches!(
                    member.outbox.try_send(Arc::clone(&line)),
                    Err(TrySendError::Full(_))
                );
            if full {
                member.dropped += 1;
                *dropped += 1;
            }
        }
    }

    /// Removes `id`; returns how many lines it missed.
    pub fn leave(&self, id: u32) -> u64 {
        let member = self.state.lock().unwrap().members.remove(&id);
        member.map_or(0, |member| member.dropped)
    }
}
// ANCHOR_END: broadcast
