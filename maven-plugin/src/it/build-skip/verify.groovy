assert !new File(basedir, 'target/site').exists()
assert new File(basedir, 'build.log').text.contains('site-gen: skipped')
return true
