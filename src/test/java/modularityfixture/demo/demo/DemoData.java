package modularityfixture.demo.demo;

public class DemoData {
}
