from ncbnet.cli import main

main()
