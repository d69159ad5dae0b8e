use futures::StreamExt;
use std::io::ErrorKind::{
    ConnectionAborted as Aborted, ConnectionRefused as Refused,
    ConnectionReset as Reset,
};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::sleep;
use tokio_util::codec::{FramedRead, LinesCodec};

const MAX_LINE: usize = 80;

// ANCHOR: server
async fn serve(listener: TcpListener) {
    loop {
        match listener.accept().await {
            Ok((socket, _)) => {
                tokio::spawn(echo(socket));
            }
            // Only the client being accepted is lost: go on at once.
            Err(e) if matches!(e.kind(), Refused | Aborted | Reset) => {}
            // Out of file descriptors, say: trying again at once would
            // fail again at once, in a busy loop.
            Err(_) => sleep(Duration::from_millis(100)).await,
        }
    }
}

async fn echo(socket: TcpStream) {
    let (reader, mut writer) = socket.into_split();
    let codec = LinesCodec::new_with_max_length(MAX_LINE);
    let mut lines = FramedRead::with_capacity(reader, codec, MAX_LINE + 1);
    while let Some(Ok(line)) = lines.next().await {
        let reply = format!("echo: {line}\n");
        if writer.write_all(reply.as_bytes()).await.is_err() {
            break;
        }
    }
}
// ANCHOR_END: server

struct Client {
    name: &'static str,
    lines: tokio::io::Lines<BufReader<OwnedReadHalf>>,
    writer: OwnedWriteHalf,
}

impl Client {
    async fn connect(name: &'static str, listener: &TcpListener) -> Client {
        let address = listener.local_addr().unwrap();
        let (reader, writer) =
            TcpStream::connect(address).await.unwrap().into_split();
        println!("{name}: connected");
        let lines = BufReader::new(reader).lines();
        Client {
            name,
            lines,
            writer,
        }
    }

    async fn say(&mut self, text: &str) {
        let line = format!("{text}\n");
        self.writer.write_all(line.as_bytes()).await.unwrap();
        if text.len() > 20 {
            println!("{}: said a line of {} bytes", self.name, text.len());
        } else {
            println!("{}: said {text:?}", self.name);
        }
    }

    async fn hear(&mut self) {
        match self.lines.next_line().await.unwrap() {
            Some(line) => println!("{}: heard {line:?}", self.name),
            None => println!("{}: connection closed", self.name),
        }
    }
}

#[tokio::main]
async fn main() {
    // ANCHOR: main
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mut alice = Client::connect("alice", &listener).await;
    let mut bob = Client::connect("bob", &listener).await;
    tokio::spawn(serve(listener));

    bob.say("hello").await;
    bob.hear().await;
    alice.say("hi").await;
    alice.hear().await;
    bob.say(&"x".repeat(MAX_LINE)).await;
    bob.hear().await;
    bob.say(&"x".repeat(MAX_LINE + 1)).await;
    bob.hear().await;
    // ANCHOR_END: main
}
