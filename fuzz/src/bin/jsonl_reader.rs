//! The JSON Lines reader: the input as a `.jsonl` file (`.jsonl.gz` when it
//! starts as gzip does), read as `dyad code FILE` reads it; records with an
//! `html` field go through page extraction.

use dyad_fuzz::{is_gzip, Scratch};
use dyad_io::{Documents, Input};

fn main() {
    let scratch = Scratch::new("jsonl_reader");
    afl::fuzz!(|data: &[u8]| {
        let name = if is_gzip(data) {
            "batch.jsonl.gz"
        } else {
            "batch.jsonl"
        };
        let path = scratch.only_file(name, data);
        Documents::new(vec![Input::Path(path)], None).for_each(drop);
    });
}
