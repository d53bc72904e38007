"""One module per container format; each finds the metadata blocks and hands them on."""
