//! The JSON Lines reader: the input as a `.jsonl` file (`.jsonl.gz` when it
//! starts as gzip does), read as `dyad code FILE` reads it; records with an
//! `html` field go through page extraction.

use chrono::NaiveDate;
use dyad_fuzz::{is_gzip, Scratch};
use dyad_io::{Input, Reader};

fn main() {
    let scratch = Scratch::new("jsonl_reader");
    let default_date = NaiveDate::from_ymd_opt(2018, 11, 25).expect("a date");
    afl::fuzz!(|data: &[u8]| {
        let name = if is_gzip(data) {
            "batch.jsonl.gz"
        } else {
            "batch.jsonl"
        };
        let path = scratch.only_file(name, data);
        Reader::new(default_date).read_all(&[Input::Path(path)]);
    });
}
