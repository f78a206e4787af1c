//! The text reader: the input as a `.txt` file (`.txt.gz` when it starts
//! as gzip does), read as `dyad code FILE` reads it.

use chrono::NaiveDate;
use dyad_fuzz::{is_gzip, Scratch};
use dyad_io::{Input, Reader};

fn main() {
    let scratch = Scratch::new("text_reader");
    let default_date = NaiveDate::from_ymd_opt(2018, 11, 25).expect("a date");
    afl::fuzz!(|data: &[u8]| {
        let name = if is_gzip(data) {
            "doc.txt.gz"
        } else {
            "doc.txt"
        };
        let path = scratch.only_file(name, data);
        Reader::new(default_date).read_all(&[Input::Path(path)]);
    });
}
