use crate::Limits;
use crate::room::{Line, Room};
use futures::StreamExt;
use std::pin::pin;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tokio::time::timeout;
use tokio_util::codec::{FramedRead, LinesCodec};
use tokio_util::sync::CancellationToken;

// ANCHOR: connection
/// Serves one client until it leaves, goes idle, sends a line that is
/// too long, stops reading, or the server shuts down.
pub async fn connection<S>(
    io: S,
    id: u32,
    room: Room,
    limits: Limits,
    shutdown: CancellationToken,
) where
    S: AsyncRead + AsyncWrite + Send + 'static,
{
    let (reader, writer) = tokio::io::split(io);
    // One slot more than broadcasts may use: the goodbye always fits.
    let (outbox, inbox) = mpsc::channel(limits.queue + 1);
    let _ = outbox.try_send(format!("welcome, client {id}").into());
    room.join(id, outbox.clone());
    let reading = async move {
        let why =
            read_lines(reader, id, &room, &outbox, limits, &shutdown).await;
        let missed = room.leave(id);
        if !shutdown.is_cancelled() {
            let line = format!("client {id} left ({why}), missed {missed}");
            room.broadcast(id, &line);
        }
        let _ = outbox.try_send(format!("bye: {why}").into());
        // The last sender goes here: `write_lines` sends what is queued,
        // then closes the connection.
    };
    tokio::join!(reading, write_lines(writer, inbox, limits.write));
}
// ANCHOR_END: connection

// ANCHOR: read
async fn read_lines(
    reader: impl AsyncRead,
    id: u32,
    room: &Room,
    outbox: &mpsc::Sender<Line>,
    limits: Limits,
    shutdown: &CancellationToken,
) -> &'static str {
    let codec = LinesCodec::new_with_max_length(limits.max_line);
    let buffer = limits.max_line + 1;
    let mut lines = pin!(FramedRead::with_capacity(reader, codec, buffer));
    loop {
        let next = tokio::select! {
            biased;
            () = shutdown.cancelled() => return "server shutting down",
            // `write_lines` gave up and dropped the outbox's receiver.
            () = outbox.closed() => return "not reading",
            next = timeout(limits.idle, lines.next()) => next,
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
// ANCHOR_END: read

// ANCHOR: write
async fn write_lines(
    writer: impl AsyncWrite,
    mut inbox: mpsc::Receiver<Line>,
    deadline: Duration,
) {
    let mut writer = pin!(writer);
    while let Some(line) = inbox.recv().await {
        let line = format!("{line}\n");
        let write = writer.write_all(line.as_bytes());
        // A client that does not read would keep us here for ever.
        if !matches!(timeout(deadline, write).await, Ok(Ok(()))) {
            return;
        }
    }
    let _ = writer.shutdown().await;
}
// ANCHOR_END: write
