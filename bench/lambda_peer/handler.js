// The peer's echo function: returns its event, like cloudbox's `echo` handler.
exports.echo = async (event) => event;
