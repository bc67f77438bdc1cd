def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] content/roadmaps/basics.yaml:12:12: unknown stage 'strat' (did you mean 'start'?); stages: start")
assert log.contains("[ERROR] content/roadmaps/basics.yaml:13:16: unknown prerequisite 'gitt' (did you mean 'git'?)")
assert log.contains("[ERROR] content/roadmaps/basics.yaml:10:5: missing topic file topics/basics/http.md for node 'http'; create it or set 'topic'")
assert log.contains('3 problems in ')
assert !(log =~ /(?m)^\s+at [a-z][\w.$]+\(/) : 'a user mistake must not print a stack trace'
assert new File(basedir, 'target/site-gen/index.html').text == 'previous site'
return true
