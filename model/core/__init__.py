"""What every part of the program uses: settings, text, rules data, progress, files, resources."""
