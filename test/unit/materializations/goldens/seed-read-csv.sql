select * from read_csv('/data/x.csv', header = true, auto_detect = true, delim = ';', types = {'zip': 'VARCHAR'})
