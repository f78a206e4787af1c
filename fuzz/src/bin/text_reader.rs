//! The text reader: the input as a `.txt` file (`.txt.gz` when it starts
//! as gzip does), read as `dyad code FILE` reads it.

use dyad_fuzz::{is_gzip, Scratch};
use dyad_io::{Documents, Input};

fn main() {
    let scratch = Scratch::new("text_reader");
    afl::fuzz!(|data: &[u8]| {
        let name = if is_gzip(data) {
            "doc.txt.gz"
        } else {
            "doc.txt"
        };
        let path = scratch.only_file(name, data);
        Documents::new(vec![Input::Path(path)], None).for_each(drop);
    });
}
