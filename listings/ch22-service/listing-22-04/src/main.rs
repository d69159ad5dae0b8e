use futures::{Stream, StreamExt};
use std::collections::BTreeMap;
use std::io;
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{
    AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader,
    DuplexStream,
};
use tokio::sync::mpsc::{self, error::TrySendError};
use tokio::time::{sleep, timeout};
use tokio_stream::wrappers::ReceiverStream;
use tokio_util::codec::{FramedRead, LinesCodec};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use vclock::vprintln;

// ANCHOR: limits
/// Lines that may wait for one client; more are dropped.
const CAPACITY: usize = 4;
/// The longest line a client may send, in bytes.
const MAX_LINE: usize = 80;
/// How long a client may send nothing before it is disconnected.
const IDLE: Duration = Duration::from_millis(300);
/// How long a shutdown waits for the connections to finish.
const GRACE: Duration = Duration::from_millis(500);
// ANCHOR_END: limits

// ANCHOR: room
#[derive(Clone, Default)]
struct Room {
    members: Arc<Mutex<BTreeMap<u32, Member>>>,
}

struct Member {
    outbox: mpsc::Sender<Arc<str>>,
    dropped: u64,
}

impl Room {
    fn join(&self, id: u32, outbox: mpsc::Sender<Arc<str>>) {
        let member = Member { outbox, dropped: 0 };
        self.members.lock().unwrap().insert(id, member);
    }

    /// Puts `line` in every other member's outbox without waiting. A
    /// member whose outbox is full misses the line, and it is counted.
    fn broadcast(&self, from: u32, line: &str) {
        let line: Arc<str> = line.into();
        let mut members = self.members.lock().unwrap();
        for (id, member) in members.iter_mut() {
            if *id == from {
                continue;
            }
            if let Err(TrySendError::Full(_)) =
                member.outbox.try_send(Arc::clone(&line))
            {
                member.dropped += 1;
            }
        }
    }

    /// Removes `id`; returns how many lines it missed.
    fn leave(&self, id: u32) -> u64 {
        let member = self.members.lock().unwrap().remove(&id);
        member.map_or(0, |member| member.dropped)
    }
}
// ANCHOR_END: room

// ANCHOR: serve
struct Stopped {
    served: u32,
    still_open: usize,
}

async fn serve<S>(
    incoming: impl Stream<Item = io::Result<S>>,
    shutdown: CancellationToken,
) -> Stopped
where
    S: AsyncRead + AsyncWrite + Send + 'static,
{
    let room = Room::default();
    let tracker = TaskTracker::new();
    let served = accept(incoming, &room, &tracker, &shutdown).await;
    // `accept` owned the listener and has dropped it: nobody new can
    // connect, and every connection task has been woken by the token.
    tracker.close();
    let still_open = match timeout(GRACE, tracker.wait()).await {
        Ok(()) => 0,
        Err(_) => tracker.len(),
    };
    Stopped { served, still_open }
}

async fn accept<S>(
    incoming: impl Stream<Item = io::Result<S>>,
    room: &Room,
    tracker: &TaskTracker,
    shutdown: &CancellationToken,
) -> u32
where
    S: AsyncRead + AsyncWrite + Send + 'static,
{
    let mut incoming = pin!(incoming);
    let mut served = 0;
    loop {
        let io = tokio::select! {
            biased;
            () = shutdown.cancelled() => return served,
            next = incoming.next() => match next {
                Some(Ok(io)) => io,
                Some(Err(error)) if lost_one_client(&error) => continue,
                // Out of file descriptors, say: see Step 1.
                Some(Err(_)) => {
                    tokio::select! {
                        biased;
                        () = shutdown.cancelled() => return served,
                        () = sleep(Duration::from_millis(100)) => continue,
                    }
                }
                None => return served,
            },
        };
        served += 1;
        let (room, shutdown) = (room.clone(), shutdown.clone());
        tracker.spawn(connection(io, served, room, shutdown));
    }
}

/// Errors that end only the connection being accepted.
fn lost_one_client(error: &io::Error) -> bool {
    use io::ErrorKind::*;
    matches!(
        error.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    )
}
// ANCHOR_END: serve

// ANCHOR: connection
async fn connection<S>(
    io: S,
    id: u32,
    room: Room,
    shutdown: CancellationToken,
) where
    S: AsyncRead + AsyncWrite + Send + 'static,
{
    let (reader, writer) = tokio::io::split(io);
    let (outbox, inbox) = mpsc::channel(CAPACITY);
    let _ = outbox.try_send(format!("welcome, client {id}").into());
    room.join(id, outbox.clone());
    let reading = async move {
        let why = read_lines(reader, id, &room, &shutdown).await;
        let missed = room.leave(id);
        if !shutdown.is_cancelled() {
            let line = format!("client {id} left ({why}), missed {missed}");
            room.broadcast(id, &line);
        }
        let _ = outbox.try_send(format!("bye: {why}").into());
        // The last sender goes here: `write_lines` sends what is queued,
        // then closes the connection.
    };
    tokio::join!(reading, write_lines(writer, inbox));
}

async fn read_lines(
    reader: impl AsyncRead,
    id: u32,
    room: &Room,
    shutdown: &CancellationToken,
) -> &'static str {
    let codec = LinesCodec::new_with_max_length(MAX_LINE);
    let buffer = MAX_LINE + 1;
    let mut lines = pin!(FramedRead::with_capacity(reader, codec, buffer));
    loop {
        let next = tokio::select! {
            biased;
            () = shutdown.cancelled() => return "server shutting down",
            next = timeout(IDLE, lines.next()) => next,
        };
        match next {
            Err(_) => return "idle",
            Ok(None) => return "disconnected",
            Ok(Some(Err(_))) => return "line too long",
            Ok(Some(Ok(line))) => {
                room.broadcast(id, &format!("{id}: {line}"))
            }
        }
    }
}
// ANCHOR_END: connection

async fn write_lines(
    writer: impl AsyncWrite,
    mut inbox: mpsc::Receiver<Arc<str>>,
) {
    let mut writer = pin!(writer);
    while let Some(line) = inbox.recv().await {
        let line = format!("{line}\n");
        if writer.write_all(line.as_bytes()).await.is_err() {
            return;
        }
    }
    let _ = writer.shutdown().await;
}

// ANCHOR: client
/// A client on an in-memory connection with room for `buffer` bytes.
struct Client {
    name: &'static str,
    lines: tokio::io::Lines<BufReader<DuplexStream>>,
}

impl Client {
    async fn connect(
        name: &'static str,
        buffer: usize,
        listener: &mpsc::Sender<DuplexStream>,
    ) -> Client {
        let (ours, theirs) = tokio::io::duplex(buffer);
        listener
            .send(theirs)
            .await
            .expect("the server is accepting");
        let mut client = Client {
            name,
            lines: BufReader::new(ours).lines(),
        };
        client.hear().await;
        client
    }
    // ANCHOR_END: client

    async fn say(&mut self, text: &str) {
        let ours = self.lines.get_mut().get_mut();
        ours.write_all(format!("{text}\n").as_bytes())
            .await
            .unwrap();
        vprintln!("{}: said {text:?}", self.name);
    }

    async fn hear(&mut self) -> Option<String> {
        let line = self.lines.next_line().await.unwrap();
        match &line {
            Some(line) => vprintln!("{}: heard {line:?}", self.name),
            None => vprintln!("{}: connection closed", self.name),
        }
        line
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let (listener, accepted) = mpsc::channel(1);
    let incoming = ReceiverStream::new(accepted).map(Ok);
    let shutdown = CancellationToken::new();
    let server = tokio::spawn(serve(incoming, shutdown.clone()));

    let mut alice = Client::connect("alice", 1024, &listener).await;
    let mut bob = Client::connect("bob", 1024, &listener).await;
    alice.say("hi").await;
    bob.hear().await;
    sleep(Duration::from_millis(100)).await;
    vprintln!("main: shutdown requested");
    shutdown.cancel();
    while alice.hear().await.is_some() {}
    while bob.hear().await.is_some() {}
    let stopped = server.await.unwrap();
    vprintln!(
        "main: server stopped: {} served, {} still open",
        stopped.served,
        stopped.still_open
    );
    // ANCHOR_END: main
}
