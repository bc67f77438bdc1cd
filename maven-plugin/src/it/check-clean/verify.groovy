def log = new File(basedir, 'build.log').text
assert log.contains('Checked 8 pages (1 roadmap): no problems')
assert !new File(basedir, 'target/site-gen').exists() : 'check writes no site'
return true
