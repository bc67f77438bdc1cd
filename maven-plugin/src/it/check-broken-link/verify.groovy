def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] content/topics/basics/first.md:11:23: link 'second.md#nowhere': no heading or element with id 'nowhere' on /basics/second/")
assert log.contains('1 problem in ')
assert !new File(basedir, 'target/site-gen').exists()
return true
