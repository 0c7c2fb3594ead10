"""Raw data to processed data: the only writer of data/processed/ and its typed reader."""
