//! What dyad's fuzz targets share: the scratch folder where a target lays
//! out its input as the files dyad reads.

use std::fs;
use std::path::{Path, PathBuf};

/// A folder of this process's own under the temporary folder (`TMPDIR`),
/// emptied before each input.
pub struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    /// The folder for the target `name`, made if missing.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("dyad-fuzz-{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("cannot make the scratch folder");
        Scratch { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Empties the folder and writes `bytes` as its only file, at the
    /// relative path `name`; returns the file's path.
    pub fn only_file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        fs::remove_dir_all(&self.dir).expect("cannot empty the scratch folder");
        self.write(name, bytes)
    }

    /// Writes `bytes` as the file at the relative path `name`, replacing
    /// it if it is there; returns the file's path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.join(name);
        let parent = path.parent().expect("a file in the folder");
        fs::create_dir_all(parent).expect("cannot make the scratch folder");
        fs::write(&path, bytes).expect("cannot write the input");
        path
    }
}

/// Whether `bytes` begin as a gzip stream does, so that a reader target
/// names its file `.gz` and the reader decompresses it.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// An input that names its file on its first line: the file's name, if it
/// is one of `names`, and the rest of the input as its content.
pub fn named_file<'a>(data: &'a [u8], names: &[&'static str]) -> Option<(&'static str, &'a [u8])> {
    let newline = data.iter().position(|&b| b == b'\n')?;
    let name = names.iter().find(|n| n.as_bytes() == &data[..newline])?;
    Some((name, &data[newline + 1..]))
}
