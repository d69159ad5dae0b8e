use crate::Limits;
use crate::server::serve;
use futures::StreamExt;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc;
use tokio::time::sleep;
use tokio_stream::wrappers::ReceiverStream;
use tokio_util::sync::CancellationToken;
use vclock::vprintln;

/// A client on an in-memory connection, which prints what it does.
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

    async fn say(&mut self, text: &str) {
        let ours = self.lines.get_mut().get_mut();
        ours.write_all(format!("{text}\n").as_bytes())
            .await
            .unwrap();
    }

    async fn hear_quietly(&mut self) -> Option<String> {
        self.lines.next_line().await.unwrap()
    }

    async fn hear(&mut self) -> Option<String> {
        let line = self.hear_quietly().await;
        match &line {
            Some(line) => vprintln!("{}: heard {line:?}", self.name),
            None => vprintln!("{}: connection closed", self.name),
        }
        line
    }
}

pub async fn run() {
    vclock::start();
    // ANCHOR: demo
    let limits = Limits {
        queue: 4,
        max_line: 80,
        idle: Duration::from_secs(1),
        write: Duration::from_secs(2),
        grace: Duration::from_millis(500),
    };
    let (listener, accepted) = mpsc::channel(1);
    let incoming = ReceiverStream::new(accepted).map(Ok);
    let shutdown = CancellationToken::new();
    let server = tokio::spawn(serve(incoming, limits, shutdown.clone()));

    let mut alice = Client::connect("alice", 1024, &listener).await;
    let mut bob = Client::connect("bob", 1024, &listener).await;
    // Carol reads her welcome, then nothing more: a slow client, with
    // room for 64 bytes in her connection.
    let _carol = Client::connect("carol", 64, &listener).await;
    for n in 1..=16 {
        alice.say(&format!("line {n}")).await;
        bob.hear_quietly().await;
        sleep(Duration::from_millis(10)).await;
    }
    vprintln!("main: alice said 16 lines, bob heard them");
    sleep(Duration::from_millis(40)).await;
    vprintln!("main: shutdown requested");
    shutdown.cancel();
    while alice.hear().await.is_some() {}
    while bob.hear().await.is_some() {}
    let stopped = server.await.unwrap();
    vprintln!(
        "main: server stopped: {} served, {} still open, {} lines dropped",
        stopped.served,
        stopped.still_open,
        stopped.dropped
    );
    // ANCHOR_END: demo
}
