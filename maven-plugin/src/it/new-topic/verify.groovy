// The topic file exists with valid front matter, the node was added to the graph, and the site still checks clean.
def topic = new File(basedir, 'content/topics/basics/message-queues.md')
assert topic.isFile()
assert topic.text.startsWith('---\ntitle: "Message queues"\n')
def graph = new File(basedir, 'content/roadmaps/basics.yaml').text
assert graph.endsWith('  - id: message-queues\n    title: "Message queues"\n    stage: start\n')
def log = new File(basedir, 'build.log').text
assert log.contains('wrote content/topics/basics/message-queues.md')
assert log.contains('Checked 9 pages (1 roadmap): no problems')
return true
