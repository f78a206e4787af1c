use thiserror::Error;

/// A dictionary that could not be read, with the file and line at fault.
#[derive(Debug, Error)]
#[error("{file}:{line}: {message}")]
pub struct DictError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl DictError {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        DictError {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}
