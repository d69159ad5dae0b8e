use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};

/// The server's count of open connections, and the most there ever were.
#[derive(Default)]
struct Open {
    now: AtomicUsize,
    most: AtomicUsize,
}

impl Open {
    fn opened(&self) -> usize {
        let now = self.now.fetch_add(1, SeqCst) + 1;
        self.most.fetch_max(now, SeqCst);
        now
    }

    fn closed(&self) -> usize {
        self.now.fetch_sub(1, SeqCst) - 1
    }
}

// ANCHOR: handle
/// Sends each line of one connection back, until the client closes it.
async fn handle(conn: TcpStream, id: usize, open: Arc<Open>) {
    let (read, mut write) = conn.into_split();
    let mut lines = BufReader::new(read).lines();
    while let Some(line) = lines.next_line().await.unwrap() {
        println!("server: connection {id} says {line:?}");
        write
            .write_all(format!("{line}\n").as_bytes())
            .await
            .unwrap();
    }
    println!("server: connection {id} closed ({} open)", open.closed());
}
// ANCHOR_END: handle

// ANCHOR: serve
async fn serve(listener: TcpListener, open: Arc<Open>) {
    for id in 1.. {
        let (conn, _) = listener.accept().await.unwrap();
        println!(
            "server: accepted connection {id} ({} open)",
            open.opened()
        );
        handle(conn, id, open.clone()).await;
    }
}
// ANCHOR_END: serve

// ANCHOR: client
/// One client: it sends lines and reads the answers, on its own socket.
struct Client {
    name: &'static str,
    lines: Lines<BufReader<OwnedReadHalf>>,
    write: OwnedWriteHalf,
}

impl Client {
    async fn connect(addr: SocketAddr, name: &'static str) -> Client {
        let (read, write) =
            TcpStream::connect(addr).await.unwrap().into_split();
        let lines = BufReader::new(read).lines();
        Client { name, lines, write }
    }

    async fn send(&mut self, line: &str) {
        let line = format!("{line}\n");
        self.write.write_all(line.as_bytes()).await.unwrap();
    }

    async fn answer(&mut self) {
        let line = self.lines.next_line().await.unwrap().unwrap();
        println!("{}: the server answered {line:?}", self.name);
    }

    async fn say(&mut self, line: &str) {
        self.send(line).await;
        self.answer().await;
    }

    /// Closes the sending side, then waits until the server has closed
    /// its side too.
    async fn leave(mut self) {
        println!("{}: leaving", self.name);
        self.write.shutdown().await.unwrap();
        assert!(self.lines.next_line().await.unwrap().is_none());
    }
}
// ANCHOR_END: client

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let open = Arc::new(Open::default());
    tokio::spawn(serve(listener, open.clone()));

    // ANCHOR: main
    let mut a = Client::connect(addr, "A").await;
    a.say("hello from A").await;
    let mut b = Client::connect(addr, "B").await;
    b.send("hello from B").await;
    // B's answer cannot come while A is connected, so A leaves first.
    a.leave().await;
    b.answer().await;
    b.leave().await;
    println!("most connections open at once: {}", open.most.load(SeqCst));
    // ANCHOR_END: main
}
