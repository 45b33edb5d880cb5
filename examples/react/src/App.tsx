import { useRef, useState } from 'react';
import type { NnTrainer, NnTrainEndEvent, NnParamChangeEvent, LabRun } from 'nn-mathlets/elements/nn-trainer';

/** A course page in React 19: the elements take props as properties, and `on` + an event's name as listeners. */
export function App() {
  const trainer = useRef<NnTrainer>(null);
  const [moved, setMoved] = useState('Move a slider of the network.');
  const [status, setStatus] = useState('Not trained yet.');
  const [called, setCalled] = useState('');
  const [training, setTraining] = useState(false);

  const trainNow = async () => {
    setTraining(true);
    try {
      const run: LabRun | undefined = await trainer.current?.train();
      if (run) setCalled(`train() resolved after ${run.epochs} epochs.`);
    } finally {
      setTraining(false);
    }
  };

  return (
    <main>
      <h1>nn-mathlets in React 19</h1>
      <nn-mathlet point={[0.25, 0.6]} onnn-param-change={(e: NnParamChangeEvent) => setMoved(`${e.key} = ${e.value.toFixed(2)}`)} />
      <p id="moved">{moved}</p>
      <button type="button" onClick={() => void trainNow()} disabled={training}>
        Train five epochs
      </button>
      <nn-trainer
        ref={trainer}
        preset="vanishing-fixed"
        epochs={5}
        onnn-train-end={(e: NnTrainEndEvent) => setStatus(`Test accuracy ${e.run.testAccuracy.toFixed(3)} after ${e.run.epochs} epochs.`)}
        onnn-error={(e) => setStatus(`The lab says: ${e.message}`)}
      />
      <p id="status" role="status">
        {status}
      </p>
      <p id="called">{called}</p>
      {/* Trains in the package's worker: the site needs no TensorFlow.js of its own. */}
      <nn-cifar src="/data/cifar10_tiny_100.bin" epochs={1} subset={20} batch-size={10} onnn-error={(e) => setStatus(e.message)} />
    </main>
  );
}
