def log = new File(basedir, 'build.log').text
assert log.contains('Checked 8 pages (1 roadmaps): no problems')
assert !new File(basedir, 'target/site').exists() : 'check writes no site'
return true
