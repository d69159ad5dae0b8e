use futures::StreamExt;
use std::io::ErrorKind;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio_util::codec::{FramedRead, LinesCodec};

/// Far more than Linux's default socket buffers (a few MiB) hold.
const TOTAL: usize = 64 * 1024 * 1024;
const LINE: usize = 1024;

/// `TOTAL` bytes of numbered lines, `LINE` bytes each with the newline.
fn payload() -> Vec<u8> {
    let mut data = Vec::with_capacity(TOTAL);
    for n in 0..TOTAL / LINE {
        data.extend_from_slice(format!("{n:07} ").as_bytes());
        data.resize(data.len() + LINE - 9, b'.');
        data.push(b'\n');
    }
    data
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mut conn = TcpStream::connect(listener.local_addr().unwrap())
        .await
        .unwrap();
    let (peer, _) = listener.accept().await.unwrap();
    let (stuck, wait_until_stuck) = oneshot::channel();
    let lines_read = Arc::new(AtomicUsize::new(0));
    let read_so_far = lines_read.clone();

    // ANCHOR: reader
    let reader = tokio::spawn(async move {
        let codec = LinesCodec::new_with_max_length(LINE);
        let mut lines = FramedRead::new(peer, codec);
        // Reads nothing until the kernel has refused the writer's bytes.
        wait_until_stuck.await.unwrap();
        println!("reader: starts reading");
        let mut last = String::new();
        while let Some(line) = lines.next().await {
            last = line.unwrap();
            read_so_far.fetch_add(1, Relaxed);
        }
        let count = read_so_far.load(Relaxed);
        println!("reader: {count} lines, the last numbered {}", &last[..7]);
    });
    // ANCHOR_END: reader

    // ANCHOR: writer
    let data = payload();
    let mut sent = 0;
    // try_write never waits: it writes what the kernel takes now, or
    // returns WouldBlock when the kernel takes no more at that moment.
    while sent < TOTAL {
        match conn.try_write(&data[sent..]) {
            Ok(n) => sent += n,
            Err(e) if e.kind() == ErrorKind::WouldBlock => break,
            Err(e) => panic!("{e}"),
        }
    }
    let yes = if sent < TOTAL { "yes" } else { "no" };
    println!("writer: WouldBlock before all 64 MiB were written: {yes}");
    stuck.send(()).unwrap();
    conn.write_all(&data[sent..]).await.unwrap();
    println!("writer: write_all has written the rest");
    let yes = if lines_read.load(Relaxed) > 0 {
        "yes"
    } else {
        "no"
    };
    println!("writer: the reader had read lines before it finished: {yes}");
    drop(conn);
    // ANCHOR_END: writer
    reader.await.unwrap();
}
